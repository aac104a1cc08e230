package io.registry.grpc.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.NameResolverRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistryTargetTest {

  @Test
  void authorityIsTheRegistryAndPathTheService() {
    RegistryTarget t = RegistryTarget.parse(URI.create("registry://127.0.0.1:8502/hello"));
    assertThat(t).isEqualTo(new RegistryTarget("127.0.0.1:8502", "hello", "", false));
  }

  @Test
  void tagAndPassingFromTheQuery() {
    RegistryTarget t =
        RegistryTarget.parse(URI.create("registry://localhost:8502/hello?tag=blue&passing"));
    assertThat(t).isEqualTo(new RegistryTarget("localhost:8502", "hello", "blue", true));
  }

  @Test
  void refusesWhatItCannotResolve() {
    assertThatThrownBy(() -> RegistryTarget.parse(URI.create("registry:///hello")))
        .hasMessageContaining("registry's address");
    assertThatThrownBy(() -> RegistryTarget.parse(URI.create("registry://h:1/")))
        .hasMessageContaining("service name");
    assertThatThrownBy(() -> RegistryTarget.parse(URI.create("registry://h:1/a/b")))
        .hasMessageContaining("one service name");
    assertThatThrownBy(() -> RegistryTarget.parse(URI.create("registry://h:1/a?dc=x")))
        .hasMessageContaining("unknown registry target parameter 'dc'");
  }

  @Test
  void registeredWithoutTakingOverTargetsThatHaveNoScheme() {
    NameResolverRegistry registry = NameResolverRegistry.getDefaultRegistry();
    assertThat(registry.getProviderForScheme("registry"))
        .isInstanceOf(RegistryNameResolverProvider.class);
    assertThat(registry.getDefaultScheme()).isEqualTo("dns");
  }
}
