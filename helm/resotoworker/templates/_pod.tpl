{{/* The pod template shared by the Deployment and the StatefulSet. */}}
{{- define "resotoworker.podTemplate" -}}
{{- $grace := int .Values.terminationGracePeriodSeconds }}
{{- $worker := (.Values.config | default dict).resotoworker | default dict }}
{{- $shutdownGrace := int (hasKey $worker "shutdown_grace" | ternary $worker.shutdown_grace 8) }}
{{- if le $grace $shutdownGrace }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must be above config.resotoworker.shutdown_grace (%d): Kubernetes kills the pod after it, before the worker has ended its collect" $grace $shutdownGrace) }}
{{- end -}}
metadata:
  labels:
    {{- include "resotoworker.selectorLabels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- if or .Values.rollOnConfigChange .Values.podAnnotations }}
  annotations:
    {{- if .Values.rollOnConfigChange }}
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    {{- end }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
spec:
  serviceAccountName: {{ include "resotoworker.serviceAccountName" . }}
  automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
  terminationGracePeriodSeconds: {{ $grace }}
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.podSecurityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  containers:
    - name: resotoworker
      image: {{ include "resotoworker.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      args:
        - --config
        - /etc/resotoworker/resotoworker.yaml
        {{- range .Values.extraArgs }}
        - {{ . | quote }}
        {{- end }}
      env:
        {{- if include "resotoworker.sharded" . }}
        # Shard i of n: Kubernetes expands $(POD_NAME) to <statefulset>-<i>, and the worker takes
        # the ordinal after the last '-' as i (aws.shard, see docs/kubernetes.md).
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: RESOTOWORKER_AWS__SHARD
          value: "$(POD_NAME)/{{ int .Values.replicaCount }}"
        {{- end }}
        {{- with .Values.core }}
        {{- if .uri }}
        - name: RESOTOWORKER_RESOTOCORE_URI
          value: {{ .uri | quote }}
        {{- end }}
        {{- if .flavor }}
        - name: RESOTOWORKER_CORE_FLAVOR
          value: {{ .flavor | quote }}
        {{- end }}
        {{- end }}
        {{- if and .Values.core.uri (include "resotoworker.sharded" .) }}
        # The core refuses two connections with one subscriber id: one id per shard.
        - name: RESOTOWORKER_SUBSCRIBER_ID
          value: "{{ .Values.core.subscriberId | default (eq .Values.core.flavor "fix" | ternary "fix.worker" "resoto.worker") }}-$(POD_NAME)"
        {{- else if .Values.core.subscriberId }}
        - name: RESOTOWORKER_SUBSCRIBER_ID
          value: {{ .Values.core.subscriberId | quote }}
        {{- end }}
        {{- with .Values.psk }}
        {{- if .secretName }}
        - name: RESOTOWORKER_PSK
          valueFrom:
            secretKeyRef:
              name: {{ .secretName }}
              key: {{ .secretKey }}
        {{- end }}
        {{- end }}
        {{- with .Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with .Values.envFrom }}
      envFrom:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      ports:
        - name: http
          containerPort: {{ include "resotoworker.port" . }}
          protocol: TCP
      {{- if .Values.livenessProbe.enabled }}
      livenessProbe:
        httpGet:
          path: /health
          port: http
          scheme: {{ include "resotoworker.scheme" . }}
        {{- toYaml (omit .Values.livenessProbe "enabled") | nindent 8 }}
      {{- end }}
      {{- if .Values.readinessProbe.enabled }}
      readinessProbe:
        httpGet:
          path: /ready
          port: http
          scheme: {{ include "resotoworker.scheme" . }}
        {{- toYaml (omit .Values.readinessProbe "enabled") | nindent 8 }}
      {{- end }}
      {{- with .Values.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.securityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      volumeMounts:
        - name: config
          mountPath: /etc/resotoworker
          readOnly: true
        - name: data
          mountPath: {{ .Values.persistence.mountPath }}
        - name: tmp
          mountPath: /tmp
        {{- with .Values.volumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    - name: config
      configMap:
        name: {{ include "resotoworker.fullname" . }}
    - name: tmp
      emptyDir:
        sizeLimit: {{ .Values.tmpSizeLimit }}
    {{- if not .Values.persistence.enabled }}
    - name: data
      emptyDir:
        {{- with .Values.persistence.emptyDirSizeLimit }}
        sizeLimit: {{ . }}
        {{- end }}
    {{- else if not (include "resotoworker.sharded" .) }}
    - name: data
      persistentVolumeClaim:
        claimName: {{ .Values.persistence.existingClaim | default (include "resotoworker.fullname" .) }}
    {{- end }}
    {{- with .Values.volumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
