/*
 * libcurl's entry points, defined so that bcd does not load libcurl.
 *
 * bcd never uses URLSession. FoundationNetworking is linked only because FlyingFox (the HTTP
 * server behind `bcd serve` and `bcd boot --mode http`) ships a proxy handler that refers to it,
 * and FoundationNetworking's static archive calls these 23 libcurl functions. Linking the real
 * libcurl made every bcd command load it and about 30 libraries it needs: 4.7 ms, a fifth of
 * `bcd enum all` on a 1,000-object store. With these definitions the static build links no
 * libcurl (the package does not depend on libcurl4); a call would mean something started
 * using URLSession, and stops with one line instead of misbehaving.
 */
#include <stdio.h>
#include <stdlib.h>

static void absent(const char *name) {
    fprintf(stderr, "bcd: internal error: %s called, but bcd is built without libcurl (URLSession is not supported)\n", name);
    abort();
}

#define ABSENT(name) void *name(void) { absent(#name); return 0; }

ABSENT(curl_easy_cleanup)
ABSENT(curl_easy_getinfo)
ABSENT(curl_easy_init)
ABSENT(curl_easy_pause)
ABSENT(curl_easy_setopt)
ABSENT(curl_easy_strerror)
ABSENT(curl_free)
ABSENT(curl_global_init)
ABSENT(curl_multi_add_handle)
ABSENT(curl_multi_assign)
ABSENT(curl_multi_cleanup)
ABSENT(curl_multi_info_read)
ABSENT(curl_multi_init)
ABSENT(curl_multi_remove_handle)
ABSENT(curl_multi_setopt)
ABSENT(curl_multi_socket_action)
ABSENT(curl_slist_append)
ABSENT(curl_slist_free_all)
ABSENT(curl_url)
ABSENT(curl_url_get)
ABSENT(curl_url_set)
ABSENT(curl_version)
ABSENT(curl_version_info)
