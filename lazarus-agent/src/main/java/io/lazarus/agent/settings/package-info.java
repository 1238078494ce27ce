/** settings.json as the CPI writes it: typed, validated with errors naming the field, re-read on demand. */
package io.lazarus.agent.settings;
