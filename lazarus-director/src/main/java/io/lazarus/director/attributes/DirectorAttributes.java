package io.lazarus.director.attributes;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Named Director-wide settings (BOSH's director_attributes), such as {@code resurrection_paused}. Thread-safe. */
public final class DirectorAttributes {
  private final Jdbi jdbi;

  public DirectorAttributes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<String> get(String name) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT attribute_value FROM director_attributes WHERE name = :name").bind("name", name).mapTo(String.class).findOne());
  }

  public void put(String name, String value) {
    jdbi.useTransaction(
        handle -> {
          handle.createUpdate("DELETE FROM director_attributes WHERE name = :name").bind("name", name).execute();
          handle.createUpdate("INSERT INTO director_attributes (name, attribute_value) VALUES (:name, :value)").bind("name", name).bind("value", value).execute();
        });
  }

  public void remove(String name) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM director_attributes WHERE name = :name").bind("name", name).execute());
  }
}
