/* No declarations: this target only supplies link-time definitions (see curl_absent.c). */
