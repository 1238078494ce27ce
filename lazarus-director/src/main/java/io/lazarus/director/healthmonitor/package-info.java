/** The Director's side of the Health Monitor: asking its API why instances are (not) being healed. */
package io.lazarus.director.healthmonitor;
