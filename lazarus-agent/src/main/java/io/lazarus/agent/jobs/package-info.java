/** Jobs' lifecycle scripts (pre-start, post-start, drain, ...) run in parallel per job, and the process runner under them. */
package io.lazarus.agent.jobs;
