{{/* SPDX-License-Identifier: Apache-2.0 */}}

{{/*
The chart name, truncated to 63 characters (the DNS label limit of Kubernetes names).
*/}}
{{- define "seqrec.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The release-qualified name: the release name alone when it already contains the chart name.
*/}}
{{- define "seqrec.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The name of a component's resources. Usage: include "seqrec.component.fullname" (dict "root" $ "component" "ranker")
*/}}
{{- define "seqrec.component.fullname" -}}
{{- printf "%s-%s" (include "seqrec.fullname" .root | trunc (int (sub 62 (len .component))) | trimSuffix "-") .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "seqrec.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Standard labels. Usage: include "seqrec.labels" (dict "root" $ "component" "ranker"); component may be empty.
*/}}
{{- define "seqrec.labels" -}}
app.kubernetes.io/name: {{ include "seqrec.name" .root }}
helm.sh/chart: {{ include "seqrec.chart" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: seqrec
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
Selector labels: name, instance and component only. Selectors are immutable, so user labels never enter them.
*/}}
{{- define "seqrec.selectorLabels" -}}
app.kubernetes.io/name: {{ include "seqrec.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
Common annotations of every resource (may be empty).
*/}}
{{- define "seqrec.annotations" -}}
{{- with .Values.commonAnnotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
An image reference. Usage: include "seqrec.image" (dict "image" .Values.ranker.image "root" $)
*/}}
{{- define "seqrec.image" -}}
{{- $registry := default .image.registry .root.Values.global.imageRegistry -}}
{{- $tag := default .root.Chart.AppVersion .image.tag -}}
{{- $repository := .image.repository -}}
{{- if $registry -}}
{{- $repository = printf "%s/%s" $registry .image.repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (toString $tag) -}}
{{- end -}}
{{- end -}}

{{- define "seqrec.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "seqrec.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
The claim of the directory model store.
*/}}
{{- define "seqrec.modelStore.claimName" -}}
{{- default (printf "%s-models" (include "seqrec.fullname" . | trunc 56 | trimSuffix "-")) .Values.modelStore.persistence.existingClaim -}}
{{- end -}}

{{/*
Fails rendering on values that the schema cannot express.
*/}}
{{- define "seqrec.validateValues" -}}
{{- if and (eq .Values.modelStore.type "s3") (not .Values.modelStore.s3.bucket) -}}
{{- fail "modelStore.s3.bucket is required when modelStore.type is s3" -}}
{{- end -}}
{{- if and .Values.externalKafka.sasl.enabled (or (not .Values.externalKafka.sasl.existingSecret) (not .Values.externalKafka.sasl.username)) -}}
{{- fail "externalKafka.sasl.username and externalKafka.sasl.existingSecret are required when SASL is enabled (passwords come from Secrets only)" -}}
{{- end -}}
{{- end -}}
