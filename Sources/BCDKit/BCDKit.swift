// BCDKit: Windows BCD stores.
