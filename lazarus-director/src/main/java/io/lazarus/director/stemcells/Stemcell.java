package io.lazarus.director.stemcells;

/** A stemcell the Director knows in one CPI: its manifest values, that CPI's name, and the cloud id it gave the image. */
public record Stemcell(long id, String name, String version, String operatingSystem, Integer apiVersion, String sha1, String cid, String cpi) {}
