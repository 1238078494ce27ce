/** One small class per family of agent methods, each registering its names with the registry. */
package io.lazarus.agent.rpc.methods;
