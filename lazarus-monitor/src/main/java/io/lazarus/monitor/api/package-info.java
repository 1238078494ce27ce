/** The Health Monitor's small local HTTP API. */
package io.lazarus.monitor.api;
