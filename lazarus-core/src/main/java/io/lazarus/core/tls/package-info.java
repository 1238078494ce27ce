/**
 * PEM certificates and keys read with the JDK alone, and the SSL contexts made from them (TLS 1.2 and 1.3): what the
 * agent serves and trusts with, and what the dummy CPI's simulated agents and the Health Monitor's clients use.
 */
package io.lazarus.core.tls;
