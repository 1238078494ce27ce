/** TLS material from PEM files, for the ingest listener and the HM's HTTPS clients. */
package io.lazarus.monitor.tls;
