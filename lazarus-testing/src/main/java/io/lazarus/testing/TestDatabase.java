package io.lazarus.testing;

/** A fresh, empty database for one test: JDBC URL and credentials. */
public record TestDatabase(String url, String user, String password) {}
