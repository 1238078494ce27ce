/**
 * Jobs' lifecycle scripts (pre-start, post-start, drain, ...) run in parallel per job, the process runner under
 * them, and the record of the last start, stop or apply that a restarted agent follows.
 */
package io.lazarus.agent.jobs;
