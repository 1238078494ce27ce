/** BOSH's HTTPS mbus on the JDK's HttpsServer (POST /agent, PUT/GET /blobs), Basic auth in constant time, and heartbeats POSTed to the Health Monitor. */
package io.lazarus.agent.transport.https;
