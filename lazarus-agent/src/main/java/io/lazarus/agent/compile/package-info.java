/** compile_package: packaging run with BOSH's variables, the result packed and uploaded. */
package io.lazarus.agent.compile;
