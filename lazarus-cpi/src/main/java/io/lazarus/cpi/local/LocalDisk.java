package io.lazarus.cpi.local;

import java.time.Instant;

/** One persistent disk as the local-cloud console shows it; {@code attachedTo} is a VM cid or null. */
public record LocalDisk(String cid, int sizeMb, String attachedTo, Instant createdAt) {}
