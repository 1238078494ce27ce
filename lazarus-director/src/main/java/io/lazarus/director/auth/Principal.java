package io.lazarus.director.auth;

/**
 * Who made a request: a local user or a UAA client/user, and whether it may change things. Read-only principals
 * (BOSH's {@code bosh.read} scope) can list and read but not modify.
 */
public record Principal(String name, boolean admin) {}
