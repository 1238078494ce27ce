/** Where blobs travel: the Director's DAV store and the agent's own directory store. */
package io.lazarus.agent.blobstore;
