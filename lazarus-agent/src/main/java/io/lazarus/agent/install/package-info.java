/** apply and prepare: verified downloads, packages and jobs at BOSH's paths, atomic link switches, the stored spec. */
package io.lazarus.agent.install;
