package io.lazarus.director.stemcells;

/** A stemcell the Director knows: its manifest values, and the cloud id its CPI gave the image. */
public record Stemcell(long id, String name, String version, String operatingSystem, Integer apiVersion, String sha1, String cid, String cpi) {}
