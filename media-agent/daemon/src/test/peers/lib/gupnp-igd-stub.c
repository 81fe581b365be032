/*
 * Stand-in for libgupnp-igd-1.0.so.4, used only when running Debian 12's
 * simple-whip-client (see whip-client.mjs).
 *
 * Why: whip-client links libsoup-2.4, while libnice 0.1.21 (loaded with
 * webrtcbin) links libgupnp-igd -> libgupnp-1.6 -> libsoup-3.0. libsoup 3
 * aborts when it finds libsoup 2 in the same process ("libsoup2 symbols
 * detected ..."), so whip-client dies as soon as it creates webrtcbin.
 *
 * libnice uses UPnP IGD only to map ports on a home router; when
 * gupnp_simple_igd_thread_new() returns NULL it logs "Error creating UPnP
 * Simple IGD agent" and goes on without UPnP. The other functions are only
 * called on a non-NULL agent. Loopback tests never need UPnP.
 */
#include <stddef.h>

void *gupnp_simple_igd_thread_new(void) { return NULL; }
unsigned long gupnp_simple_igd_get_type(void) { return 0; }
void gupnp_simple_igd_add_port(void) {}
void gupnp_simple_igd_remove_port_local(void) {}
