/* Command line parsing.  Words are separated by spaces; the first word is skipped when it is
 * the image's own name: iPXE passes "loader.efi rawbcd ...", the UEFI shell "fs0:\loader
 * rawbcd" (so: ends in .efi, or its last path component is the image file's name with or
 * without .efi).  Unknown words are errors. */
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

static CHAR16 lower(CHAR16 c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Is word w[0..n) (its last path component) the image file `image` (a full path), possibly
 * without the .efi extension? */
static BOOLEAN names_image(const CHAR16 *w, UINTN n, const CHAR16 *image) {
    if (!image) return FALSE;
    UINTN s = 0;
    for (UINTN i = 0; i < n; i++) if (w[i] == '\\' || w[i] == '/' || w[i] == ':') s = i + 1;
    const CHAR16 *base = image;
    for (const CHAR16 *p = image; *p; p++) if (*p == '\\' || *p == '/') base = p + 1;
    UINTN bl = StrLen((CHAR16 *)base), wl = n - s;
    if (wl == 0) return FALSE;
    if (wl != bl && !(wl + 4 == bl && ends_with_ci(base, bl, L".efi"))) return FALSE;
    for (UINTN i = 0; i < wl; i++) if (lower(w[s + i]) != lower(base[i])) return FALSE;
    return TRUE;
}

EFI_STATUS parse_cmdline(const CHAR16 *text, UINTN bytes, const CHAR16 *image, struct options *o,
                         CHAR16 *bad, UINTN badlen) {
    SetMem(o, sizeof *o, 0);
    UINTN len = text ? bytes / sizeof(CHAR16) : 0;
    UINTN i = 0, word = 0;
    while (i < len && text[i]) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) i++;
        if (i >= len || !text[i]) break;
        const CHAR16 *w = &text[i];
        UINTN n = 0;
        while (i < len && text[i] && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') { i++; n++; }
        if (word++ == 0 && (ends_with_ci(w, n, L".efi") || names_image(w, n, image))) continue;
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
