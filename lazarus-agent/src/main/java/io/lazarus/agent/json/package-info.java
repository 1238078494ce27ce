/** JSON text to trees and back with Jackson's streaming API only, so no object mapper is built in the agent. */
package io.lazarus.agent.json;
