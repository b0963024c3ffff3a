{{/* The chart name, shortened to what a Kubernetes name may hold. */}}
{{- define "resotoworker.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every object: the release name, with the chart name appended unless the release
name already contains it. StatefulSet pod names add "-<ordinal>", hence the 52-character cap.
*/}}
{{- define "resotoworker.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "resotoworker.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "resotoworker.labels" -}}
helm.sh/chart: {{ include "resotoworker.chart" . }}
{{ include "resotoworker.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The labels that select the pods (never change them on an installed release). */}}
{{- define "resotoworker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "resotoworker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "resotoworker.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "resotoworker.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* More than one replica: a StatefulSet whose pods each collect one shard of the accounts. */}}
{{- define "resotoworker.sharded" -}}
{{- if gt (int .Values.replicaCount) 1 }}true{{ end }}
{{- end }}

{{/* The port of the web endpoints: resotoworker.web_port of the config, else the worker's 9956. */}}
{{- define "resotoworker.port" -}}
{{- $worker := (.Values.config | default dict).resotoworker | default dict }}
{{- $worker.web_port | default 9956 }}
{{- end }}

{{/*
HTTPS when the worker serves TLS: an https core signs the worker's certificate unless
resotoworker.no_tls is set (probes then use HTTPS; the kubelet does not verify certificates).
*/}}
{{- define "resotoworker.scheme" -}}
{{- $worker := (.Values.config | default dict).resotoworker | default dict }}
{{- if and (hasPrefix "https://" (.Values.core.uri | default "")) (not $worker.no_tls) }}HTTPS{{ else }}HTTP{{ end }}
{{- end }}

{{- define "resotoworker.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}
