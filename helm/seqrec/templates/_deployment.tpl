{{/* SPDX-License-Identifier: Apache-2.0 */}}

{{/*
A probe on an actuator health group, or the probe as given when customized.
Usage: include "seqrec.probe" (dict "probe" .Values.ranker.livenessProbe "path" "/actuator/health/liveness")
*/}}
{{- define "seqrec.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
{{ toYaml (omit .probe "enabled") }}
{{- end -}}

{{/*
The Deployment of a component. Every component gets the same shape: image, replicas, resources,
probes, security contexts, scheduling, extra environment, a writable emptyDir /tmp under a
read-only root file system, the Secret of its keys mounted as their file (ranker and trainer), and a checksum of its configuration that rolls the pods when it changes.
Usage: include "seqrec.deployment" (dict "root" $ "component" "ranker")
*/}}
{{- define "seqrec.deployment" -}}
{{- $root := .root -}}
{{- $component := .component -}}
{{- $values := index $root.Values $component -}}
{{- $fullname := include "seqrec.component.fullname" (dict "root" $root "component" $component) -}}
{{- $gpu := and (eq $component "trainer") $values.gpu.enabled -}}
{{- $s3 := eq $root.Values.modelStore.type "s3" -}}
{{- $usesStore := or (eq $component "trainer") (eq $component "ranker") -}}
{{- /* the key file the component re-reads: the ranker's API keys, the trainer's admin keys */ -}}
{{- $keys := dict -}}
{{- if eq $component "ranker" }}{{ $keys = $values.apiKeys }}{{ else if eq $component "trainer" }}{{ $keys = $values.adminKeys }}{{ end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}
  namespace: {{ $root.Release.Namespace | quote }}
  labels:
    {{- include "seqrec.labels" (dict "root" $root "component" $component) | nindent 4 }}
  {{- include "seqrec.annotations" $root | nindent 2 }}
spec:
  {{- if eq $component "trainer" }}
  # the trainer is the model store's only writer: one replica, never two at once
  replicas: 1
  strategy:
    type: Recreate
  {{- else if not (and (eq $component "ranker") $values.autoscaling.enabled) }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "seqrec.selectorLabels" (dict "root" $root "component" $component) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "seqrec.labels" (dict "root" $root "component" $component) | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include (print $root.Template.BasePath "/" $component "/configmap.yaml") $root | sha256sum }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "seqrec.serviceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automountServiceAccountToken }}
      {{- with $root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- if and $gpu $values.gpu.runtimeClassName }}
      runtimeClassName: {{ $values.gpu.runtimeClassName }}
      {{- end }}
      {{- $nodeSelector := $values.nodeSelector }}
      {{- if $gpu }}
      {{- $nodeSelector = merge (deepCopy $values.gpu.nodeSelector) $values.nodeSelector }}
      {{- end }}
      {{- with $nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- $tolerations := $values.tolerations }}
      {{- if $gpu }}
      {{- $tolerations = concat $values.tolerations $values.gpu.tolerations }}
      {{- end }}
      {{- with $tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      containers:
        - name: {{ $component }}
          {{- if $gpu }}
          image: {{ include "seqrec.image" (dict "image" $values.gpu.image "root" $root) }}
          {{- else }}
          image: {{ include "seqrec.image" (dict "image" $values.image "root" $root) }}
          {{- end }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          securityContext:
            {{- toYaml $values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            - name: JAVA_TOOL_OPTIONS
              value: {{ $values.javaOpts | quote }}
            - name: SPRING_CONFIG_ADDITIONAL_LOCATION
              value: "file:/etc/seqrec/config/"
            {{- if $root.Values.externalRedis.existingSecret }}
            - name: SEQREC_REDIS_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.externalRedis.existingSecret }}
                  key: {{ $root.Values.externalRedis.existingSecretPasswordKey }}
            {{- end }}
            {{- if $root.Values.externalKafka.sasl.enabled }}
            - name: SEQREC_KAFKA_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.externalKafka.sasl.existingSecret }}
                  key: {{ $root.Values.externalKafka.sasl.existingSecretPasswordKey }}
            {{- end }}
            {{- if and $usesStore $s3 $root.Values.modelStore.s3.existingSecret }}
            - name: AWS_ACCESS_KEY_ID
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.modelStore.s3.existingSecret }}
                  key: {{ $root.Values.modelStore.s3.accessKeyIdKey }}
            - name: AWS_SECRET_ACCESS_KEY
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.modelStore.s3.existingSecret }}
                  key: {{ $root.Values.modelStore.s3.secretAccessKeyKey }}
            {{- end }}
            {{- if $gpu }}
            - name: PYTORCH_LIBRARY_PATH
              value: {{ $values.gpu.pytorchLibraryPath | quote }}
            - name: PYTORCH_VERSION
              value: "2.7.1"
            - name: PYTORCH_FLAVOR
              value: {{ $values.gpu.pytorchFlavor | quote }}
            {{- end }}
            {{- with $values.extraEnvVars }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- if $values.extraEnvVarsSecret }}
          envFrom:
            - secretRef:
                name: {{ $values.extraEnvVarsSecret }}
          {{- end }}
          {{- $resources := deepCopy $values.resources }}
          {{- if $gpu }}
          {{- $limits := default (dict) $resources.limits }}
          {{- $_ := set $limits $values.gpu.resourceName $values.gpu.count }}
          {{- $_ := set $resources "limits" $limits }}
          {{- end }}
          {{- with $resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- if $values.startupProbe.enabled }}
          startupProbe:
            {{- include "seqrec.probe" (dict "probe" $values.startupProbe "path" "/actuator/health/liveness") | nindent 12 }}
          {{- end }}
          {{- if $values.livenessProbe.enabled }}
          livenessProbe:
            {{- include "seqrec.probe" (dict "probe" $values.livenessProbe "path" "/actuator/health/liveness") | nindent 12 }}
          {{- end }}
          {{- if $values.readinessProbe.enabled }}
          readinessProbe:
            {{- include "seqrec.probe" (dict "probe" $values.readinessProbe "path" "/actuator/health/readiness") | nindent 12 }}
          {{- end }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: config
              mountPath: /etc/seqrec/config
              readOnly: true
            {{- if and $root.Values.externalKafka.tls.enabled $root.Values.externalKafka.tls.existingSecret }}
            - name: kafka-tls
              mountPath: /etc/seqrec/kafka-tls
              readOnly: true
            {{- end }}
            {{- if $usesStore }}
            {{- if $s3 }}
            - name: model-cache
              mountPath: /var/cache/seqrec/models
            {{- else }}
            - name: models
              mountPath: /models
              readOnly: {{ eq $component "ranker" }}
            {{- end }}
            {{- end }}
            {{- if $keys.existingSecret }}
            - name: api-keys
              mountPath: /etc/seqrec/api-keys
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        - name: config
          configMap:
            name: {{ $fullname }}
        {{- if and $root.Values.externalKafka.tls.enabled $root.Values.externalKafka.tls.existingSecret }}
        - name: kafka-tls
          secret:
            secretName: {{ $root.Values.externalKafka.tls.existingSecret }}
        {{- end }}
        {{- if $usesStore }}
        {{- if $s3 }}
        - name: model-cache
          emptyDir:
            sizeLimit: {{ $root.Values.modelStore.s3.cacheSizeLimit }}
        {{- else }}
        - name: models
          persistentVolumeClaim:
            claimName: {{ include "seqrec.modelStore.claimName" $root }}
        {{- end }}
        {{- end }}
        {{- if $keys.existingSecret }}
        - name: api-keys
          secret:
            secretName: {{ $keys.existingSecret }}
        {{- end }}
{{- end -}}

{{/*
The Service of a component. Usage: include "seqrec.service" (dict "root" $ "component" "ranker")
*/}}
{{- define "seqrec.service" -}}
{{- $values := index .root.Values .component -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "seqrec.component.fullname" . }}
  namespace: {{ .root.Release.Namespace | quote }}
  labels:
    {{- include "seqrec.labels" . | nindent 4 }}
  {{- $annotations := merge (deepCopy (default (dict) $values.service.annotations)) .root.Values.commonAnnotations }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
      protocol: TCP
  selector:
    {{- include "seqrec.selectorLabels" . | nindent 4 }}
{{- end -}}
