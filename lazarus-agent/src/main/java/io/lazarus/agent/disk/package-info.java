/** Persistent disks at the store: bind mounts in a private mount namespace, symbolic links otherwise, and migration between disks. */
package io.lazarus.agent.disk;
