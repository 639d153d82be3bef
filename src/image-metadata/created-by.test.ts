import { describe, expect, it } from 'vitest';
import { instructionFromCreatedBy } from './created-by.js';

describe('instructionFromCreatedBy', () => {
  describe('classic Docker (and buildah, which writes the same shapes)', () => {
    it.each([
      ['/bin/sh -c #(nop)  CMD ["bash"]', 'CMD ["bash"]'],
      [
        '/bin/sh -c #(nop) ADD file:5d673d25da3a14ce1f6cf66e4c7fd4f4b85a3759a9d93efb3fd9ff852b5b56e4 in / ',
        'ADD file:5d673d25da3a14ce1f6cf66e4c7fd4f4b85a3759a9d93efb3fd9ff852b5b56e4 /',
      ],
      ['/bin/sh -c #(nop) COPY dir:8b3e4e1b0d2a7c3d in /app ', 'COPY dir:8b3e4e1b0d2a7c3d /app'],
      [
        '/bin/sh -c #(nop) COPY --chown=node:node multi:3f2c1d in /srv/ ',
        'COPY --chown=node:node multi:3f2c1d /srv/',
      ],
      [
        '/bin/sh -c #(nop) COPY file:abc in /usr/local/bin/docker-entrypoint.sh ',
        'COPY file:abc /usr/local/bin/docker-entrypoint.sh',
      ],
      [
        '/bin/sh -c apt-get update && apt-get install -y curl',
        'RUN apt-get update && apt-get install -y curl',
      ],
      ['|2 A=1 B=2 /bin/sh -c make', 'RUN make'],
      [
        '|1 VERSION=1.2 /bin/sh -c curl -fsSL https://example.org/$VERSION.tgz | tar xz',
        'RUN curl -fsSL https://example.org/$VERSION.tgz | tar xz',
      ],
      ['|0 /bin/sh -c true', 'RUN true'],
      ['/bin/sh -c #(nop) WORKDIR /srv', 'WORKDIR /srv'],
      [
        '/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin LANG=C.UTF-8',
        'ENV PATH=/usr/local/bin:/usr/bin LANG=C.UTF-8',
      ],
      ['/bin/sh -c #(nop)  LABEL maintainer=someone@example.org', 'LABEL maintainer=someone@example.org'],
      ['/bin/sh -c #(nop)  EXPOSE 8080/tcp', 'EXPOSE 8080/tcp'],
      ['/bin/sh -c #(nop)  EXPOSE map[443/tcp:{} 80/tcp:{}]', 'EXPOSE 443/tcp 80/tcp'],
      ['/bin/sh -c #(nop)  USER app', 'USER app'],
      ['/bin/sh -c #(nop)  VOLUME [/var/lib/mysql]', 'VOLUME /var/lib/mysql'],
      ['/bin/sh -c #(nop)  ARG NODE_VERSION=20', 'ARG NODE_VERSION=20'],
      ['/bin/sh -c #(nop)  ENTRYPOINT ["docker-entrypoint.sh"]', 'ENTRYPOINT ["docker-entrypoint.sh"]'],
      ['/bin/sh -c #(nop)  STOPSIGNAL SIGQUIT', 'STOPSIGNAL SIGQUIT'],
      [
        '/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "30s" "3s" "0s" \'\\x03\'}',
        'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1',
      ],
      ['/bin/sh -c #(nop)  HEALTHCHECK &{["NONE"] "0s" "0s" "0s" \'\\x00\'}', 'HEALTHCHECK NONE'],
      ['/bin/sh -c #(nop)  MAINTAINER Jane <jane@example.org>', 'MAINTAINER Jane <jane@example.org>'],
      ['cmd /S /C #(nop)  WORKDIR C:\\app', 'WORKDIR C:\\app'],
      ['cmd /S /C powershell -Command Install-Thing', 'RUN powershell -Command Install-Thing'],
    ])('%s', (createdBy, expected) => {
      expect(instructionFromCreatedBy(createdBy)).toBe(expected);
    });
  });

  describe('BuildKit', () => {
    it.each([
      ['RUN /bin/sh -c apt-get update # buildkit', 'RUN apt-get update'],
      ['RUN |2 A=1 B=2 /bin/sh -c make # buildkit', 'RUN make'],
      ['RUN /bin/bash -o pipefail -c curl -s x | sh # buildkit', 'RUN curl -s x | sh'],
      [
        'RUN --mount=type=cache,target=/root/.cache /bin/sh -c pip install -r req.txt # buildkit',
        'RUN --mount=type=cache,target=/root/.cache pip install -r req.txt',
      ],
      ['COPY . /app # buildkit', 'COPY . /app'],
      [
        'COPY --from=builder /out/app /usr/local/bin/app # buildkit',
        'COPY --from=builder /out/app /usr/local/bin/app',
      ],
      ['ADD https://example.org/x.tgz /tmp/ # buildkit', 'ADD https://example.org/x.tgz /tmp/'],
      ['WORKDIR /srv', 'WORKDIR /srv'],
      ['ENV NODE_ENV=production', 'ENV NODE_ENV=production'],
      ['CMD ["node" "server.js"]', 'CMD ["node","server.js"]'],
      ['SHELL ["/bin/bash" "-o" "pipefail" "-c"]', 'SHELL ["/bin/bash","-o","pipefail","-c"]'],
      ['CMD node server.js', 'CMD node server.js'],
      ['EXPOSE map[3000/tcp:{}]', 'EXPOSE 3000/tcp'],
      ['USER node', 'USER node'],
      ['ARG TARGETARCH', 'ARG TARGETARCH'],
      [
        'HEALTHCHECK &{["CMD" "/bin/health" "--quick"] "1m0s" "5s" "10s" "0s" \'\\x05\'}',
        'HEALTHCHECK --interval=1m0s --timeout=5s --start-period=10s --retries=5 CMD ["/bin/health","--quick"]',
      ],
      [
        'LABEL org.opencontainers.image.source=https://github.com/example/app',
        'LABEL org.opencontainers.image.source=https://github.com/example/app',
      ],
    ])('%s', (createdBy, expected) => {
      expect(instructionFromCreatedBy(createdBy)).toBe(expected);
    });
  });

  describe('kaniko, buildah and other builders', () => {
    it.each([
      ['RUN apt-get update', 'RUN apt-get update'],
      ['COPY app.jar /app/app.jar', 'COPY app.jar /app/app.jar'],
      ['/bin/sh -c dnf install -y httpd && dnf clean all', 'RUN dnf install -y httpd && dnf clean all'],
      ['sh -ec apk add --no-cache curl', 'RUN apk add --no-cache curl'],
      ['/bin/sh -c #(nop) ENV container=oci', 'ENV container=oci'],
    ])('%s', (createdBy, expected) => {
      expect(instructionFromCreatedBy(createdBy)).toBe(expected);
    });
  });

  describe('free text (umoci, hand-made images) and odd shapes', () => {
    it.each([
      ['umoci config', 'RUN umoci config'],
      [
        'umoci raw add-layer --image app:latest layer.tar',
        'RUN umoci raw add-layer --image app:latest layer.tar',
      ],
      ['Imported from -', 'RUN Imported from -'],
      ['/bin/sh -c #(nop) something odd', 'RUN /bin/sh -c #(nop) something odd'],
      ['run lowercase is not an instruction', 'RUN run lowercase is not an instruction'],
      ['   ', ''],
      ['', ''],
    ])('%j', (createdBy, expected) => {
      expect(instructionFromCreatedBy(createdBy)).toBe(expected);
    });
  });
});
