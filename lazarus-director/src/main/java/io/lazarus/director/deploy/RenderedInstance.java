package io.lazarus.director.deploy;

import java.util.Map;

/**
 * An instance's jobs rendered and stored: the archive's blob and digest ({@code rendered_templates_archive}), the
 * digest of each job's rendered files ({@code template_hashes}) and of everything ({@code configuration_hash}).
 */
record RenderedInstance(String blobstoreId, String sha1, Map<String, String> templateHashes, String configurationHash) {}
