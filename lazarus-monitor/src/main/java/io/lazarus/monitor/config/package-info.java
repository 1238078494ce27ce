/** hm.yml, read and checked key by key (docs/internals/healing.md). */
package io.lazarus.monitor.config;
