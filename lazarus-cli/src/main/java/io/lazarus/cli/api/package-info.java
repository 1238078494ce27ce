/**
 * The Director's JSON documents as the bosh CLI v7 reads them (bosh-behaviour.md §7–§8). Records with snake_case
 * wire names through {@link io.lazarus.core.json.Json}; fields the CLI does not read are left out and ignored.
 */
package io.lazarus.cli.api;
