/** Warms the JDK's TLS machinery up at agent start (the PEM and SSL context helpers live in io.lazarus.core.tls). */
package io.lazarus.agent.tls;
