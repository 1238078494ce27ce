/** Health Monitor plugins: each runs on its own thread, so one that fails or blocks does not hold the others. */
package io.lazarus.monitor.plugins;
