/** fetch_logs: log bundles filtered by globs and uploaded. */
package io.lazarus.agent.logs;
