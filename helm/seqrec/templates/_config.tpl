{{/* SPDX-License-Identifier: Apache-2.0 */}}

{{/*
The Redis URL the services get. Spring Boot takes credentials and TLS from the URL when one is
set (and the services' own defaults set one), so the URL carries the password as a placeholder
that Spring resolves from the SEQREC_REDIS_PASSWORD environment variable, itself read from the
existing Secret: the password never appears in a ConfigMap. With cluster nodes the URL only
carries credentials and TLS; the nodes come from spring.data.redis.cluster.nodes.
*/}}
{{- define "seqrec.redis.url" -}}
{{- $r := .Values.externalRedis -}}
{{- $hostPort := "" -}}
{{- $scheme := "redis" -}}
{{- $path := "" -}}
{{- if $r.clusterNodes -}}
{{- $hostPort = first $r.clusterNodes -}}
{{- else -}}
{{- $url := urlParse $r.url -}}
{{- $hostPort = $url.host -}}
{{- $scheme = $url.scheme -}}
{{- $path = $url.path -}}
{{- end -}}
{{- if $r.tls -}}
{{- $scheme = "rediss" -}}
{{- end -}}
{{- $userInfo := "" -}}
{{- if $r.existingSecret -}}
{{- $userInfo = printf "%s:${SEQREC_REDIS_PASSWORD}@" $r.username -}}
{{- end -}}
{{- printf "%s://%s%s%s" $scheme $userInfo $hostPort $path -}}
{{- end -}}

{{/*
Configuration every service shares: Kafka, Redis, health probes, metrics and the model store.
*/}}
{{- define "seqrec.config.common" -}}
{{- $k := .Values.externalKafka -}}
{{- $r := .Values.externalRedis -}}
spring:
  kafka:
    bootstrap-servers: {{ $k.bootstrapServers | quote }}
    {{- if or $k.sasl.enabled $k.tls.enabled }}
    properties:
      security.protocol: {{ ternary (ternary "SASL_SSL" "SASL_PLAINTEXT" $k.tls.enabled) "SSL" $k.sasl.enabled }}
      {{- if $k.sasl.enabled }}
      sasl.mechanism: {{ $k.sasl.mechanism }}
      {{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $k.sasl.mechanism "PLAIN") }}
      sasl.jaas.config: '{{ $module }} required username="{{ $k.sasl.username }}" password="${SEQREC_KAFKA_PASSWORD}";'
      {{- end }}
      {{- if and $k.tls.enabled $k.tls.existingSecret }}
      ssl.truststore.type: PEM
      ssl.truststore.location: /etc/seqrec/kafka-tls/{{ $k.tls.caCertKey }}
      {{- end }}
    {{- end }}
  data:
    redis:
      url: {{ include "seqrec.redis.url" . | quote }}
      timeout: {{ $r.timeout }}
      {{- if $r.tls }}
      ssl:
        enabled: true
      {{- end }}
      {{- if $r.clusterNodes }}
      cluster:
        nodes:
          {{- range $r.clusterNodes }}
          - {{ . | quote }}
          {{- end }}
      lettuce:
        cluster:
          refresh:
            adaptive: true
            period: {{ $r.clusterRefreshPeriod }}
      {{- end }}
server:
  port: 8080
  shutdown: graceful
management:
  endpoint:
    health:
      probes:
        enabled: true
seqrec:
  model-store:
    type: {{ ternary "s3" "directory" (eq .Values.modelStore.type "s3") }}
    {{- if eq .Values.modelStore.type "s3" }}
    {{- $s3 := .Values.modelStore.s3 }}
    s3:
      {{- if $s3.endpoint }}
      endpoint: {{ $s3.endpoint | quote }}
      {{- end }}
      region: {{ $s3.region | quote }}
      bucket: {{ $s3.bucket | quote }}
      prefix: {{ $s3.prefix | quote }}
      path-style: {{ $s3.pathStyle }}
      conditional-writes: {{ $s3.conditionalWrites }}
      cached-versions: {{ $s3.cachedVersions }}
      cache-directory: /var/cache/seqrec/models
    {{- end }}
{{- end -}}

{{/*
A component's application.yaml: the common configuration, the component's own, then its
extraConfig, merged in that order. Usage: include "seqrec.config" (dict "root" $ "own" $yaml "extra" .Values.x.extraConfig)
*/}}
{{- define "seqrec.config" -}}
{{- $config := fromYaml (include "seqrec.config.common" .root) -}}
{{- $config = mergeOverwrite $config (fromYaml .own) -}}
{{- $config = mergeOverwrite $config (deepCopy .extra) -}}
{{- toYaml $config -}}
{{- end -}}
