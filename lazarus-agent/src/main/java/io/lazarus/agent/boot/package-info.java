/**
 * What the agent does with its jobs when it starts on a VM that already had them (an agent restart, a
 * {@code reboot_vm}): mount the persistent disk, load the installed jobs and, when the last job command was
 * {@code start}, supervise them again, as monit does on a BOSH VM's boot.
 */
package io.lazarus.agent.boot;
