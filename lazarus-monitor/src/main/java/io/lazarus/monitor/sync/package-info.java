/** Keeps the Health Monitor's picture in step with the Director. */
package io.lazarus.monitor.sync;
