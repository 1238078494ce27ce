/** PEM certificates and keys read with the JDK alone, and the SSL contexts the agent serves and trusts with (TLS 1.2 and 1.3). */
package io.lazarus.agent.tls;
