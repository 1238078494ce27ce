/** The Health Monitor's view of the Director's REST API (docs/internals/healing.md, "What the HM reads"). */
package io.lazarus.monitor.director;
