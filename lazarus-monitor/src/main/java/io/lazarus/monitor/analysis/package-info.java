/** Finds silent agents and instances without VMs, and words the alerts about them as BOSH does. */
package io.lazarus.monitor.analysis;
