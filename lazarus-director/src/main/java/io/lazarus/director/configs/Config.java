package io.lazarus.director.configs;

/** One stored version of a named config ({@code cloud}, {@code resurrection}, {@code runtime}, ...). */
public record Config(long id, String type, String name, String content, String team, long createdAt) {}
