/* Command line parsing.  Words are separated by spaces; the first word is skipped when it is
 * the image's own name (iPXE passes "loader.efi rawbcd ...").  Unknown words are errors. */
#include "loader.h"

static BOOLEAN ends_with_ci(const CHAR16 *w, UINTN n, const CHAR16 *suffix) {
    UINTN m = StrLen((CHAR16 *)suffix);
    if (n < m) return FALSE;
    for (UINTN i = 0; i < m; i++) {
        CHAR16 a = w[n - m + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a += 32;
        if (a != b) return FALSE;
    }
    return TRUE;
}

static BOOLEAN word_is(const CHAR16 *w, UINTN n, const CHAR16 *kw) {
    UINTN m = StrLen((CHAR16 *)kw);
    return n == m && CompareMem(w, kw, n * sizeof(CHAR16)) == 0;
}

static BOOLEAN parse_uint(const CHAR16 *s, UINTN n, UINTN *out) {
    UINTN v = 0;
    if (n == 0 || n > 9) return FALSE;
    for (UINTN i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return FALSE;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return TRUE;
}

EFI_STATUS parse_cmdline(const CHAR16 *text, UINTN bytes, struct options *o, CHAR16 *bad, UINTN badlen) {
    SetMem(o, sizeof *o, 0);
    UINTN len = text ? bytes / sizeof(CHAR16) : 0;
    UINTN i = 0, word = 0;
    while (i < len && text[i]) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) i++;
        if (i >= len || !text[i]) break;
        const CHAR16 *w = &text[i];
        UINTN n = 0;
        while (i < len && text[i] && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') { i++; n++; }
        if (word++ == 0 && (ends_with_ci(w, n, L".efi") || word_is(w, n, L"wimboot"))) continue;
        if (word_is(w, n, L"rawbcd")) o->rawbcd = TRUE;
        else if (word_is(w, n, L"gui")) o->gui = TRUE;
        else if (word_is(w, n, L"pause")) o->pause = TRUE;
        else if (word_is(w, n, L"pause=quiet")) o->pause = o->pause_quiet = TRUE;
        else if (word_is(w, n, L"quiet")) o->quiet = TRUE;
        else if (n > 11 && CompareMem(w, L"initrdfile=", 11 * sizeof(CHAR16)) == 0) { /* ignored */ }
        else if (n > 6 && CompareMem(w, L"index=", 6 * sizeof(CHAR16)) == 0 && parse_uint(w + 6, n - 6, &o->index) && o->index > 0) {}
        else {
            UINTN k = n < badlen - 1 ? n : badlen - 1;
            CopyMem(bad, w, k * sizeof(CHAR16));
            bad[k] = 0;
            return EFI_INVALID_PARAMETER;
        }
    }
    return EFI_SUCCESS;
}
