package io.registry.node.check;

/** Makes the probe of a check; tests pass their own to drive results by hand. */
public interface ProbeFactory {
  /**
   * @param spec what to probe
   * @param outputMaxSize the cap in bytes of the output the probe keeps
   */
  Probe create(ProbeSpec spec, int outputMaxSize);
}
