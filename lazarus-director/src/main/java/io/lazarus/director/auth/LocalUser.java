package io.lazarus.director.auth;

/** A user from the Director config: name, bcrypt hash, and whether it is an admin or read-only. */
public record LocalUser(String name, String bcryptHash, boolean admin) {}
