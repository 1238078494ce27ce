/** The alert pipeline: dedupe, then each plugin on a thread of its own (bosh-behaviour.md §2.8). */
package io.lazarus.monitor.processing;
