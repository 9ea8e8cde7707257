// Validates the manifests `kubectl kustomize deploy/k8s` renders (read from stdin): each one
// against the Kubernetes OpenAPI schema of its kind (kubernetes-models), then against what
// README.md, "Deploy", promises a user who applies them: no Secret (the user creates it), every
// secret reference optional so the pod starts without it, the image set by kustomize, probes on
// the management port, resource limits, a non-root read-only container. Exits 1 on any problem.
import { parseAllDocuments } from 'yaml';

const input = await new Promise(resolve => {
    let text = '';
    process.stdin.setEncoding('utf8').on('data', chunk => { text += chunk; }).on('end', () => resolve(text));
});
const manifests = parseAllDocuments(input).map(document => document.toJS()).filter(Boolean);
const problems = [];

for (const manifest of manifests) {
    const name = `${manifest.kind}/${manifest.metadata?.name}`;
    let models;
    try {
        models = await import(`kubernetes-models/${manifest.apiVersion}`);
    } catch {
        problems.push(`${name}: no schema for apiVersion ${manifest.apiVersion}`);
        continue;
    }
    const Model = models[manifest.kind];
    if (!Model) {
        problems.push(`${name}: no schema for kind ${manifest.kind} in ${manifest.apiVersion}`);
        continue;
    }
    try {
        new Model(manifest).validate();
    } catch (error) {
        problems.push(`${name}: ${error.message}`);
    }
}

const kinds = manifests.map(manifest => manifest.kind);
if (kinds.includes('Secret')) {
    problems.push('a Secret is applied: its example password would reach the cluster unnoticed');
}
const deployments = manifests.filter(manifest => manifest.kind === 'Deployment');
if (deployments.length !== 1) {
    problems.push(`expected one Deployment, found ${deployments.length}`);
}
for (const deployment of deployments) {
    const pod = deployment.spec.template.spec;
    for (const container of pod.containers) {
        const where = `container ${container.name}`;
        if (!container.image.includes('/') || !container.image.includes(':')) {
            problems.push(`${where}: image ${container.image} was not set by kustomization.yaml's images:`);
        }
        for (const variable of container.env ?? []) {
            const reference = variable.valueFrom?.secretKeyRef;
            if (reference && reference.optional !== true) {
                problems.push(`${where}: ${variable.name} needs Secret ${reference.name}; mark it optional`);
            }
        }
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
            if (container[probe]?.httpGet?.port !== 'management') {
                problems.push(`${where}: ${probe} must be an HTTP probe on the management port`);
            }
        }
        if (!container.resources?.limits?.memory || !container.resources?.requests?.cpu) {
            problems.push(`${where}: needs a memory limit and a CPU request`);
        }
        if (container.securityContext?.readOnlyRootFilesystem !== true
            || container.securityContext?.allowPrivilegeEscalation !== false) {
            problems.push(`${where}: needs a read-only root filesystem and no privilege escalation`);
        }
    }
    if (pod.securityContext?.runAsNonRoot !== true) {
        problems.push('the pod must run as non-root');
    }
}

for (const problem of problems) {
    console.log(`FAIL ${problem}`);
}
console.log(`${manifests.length} manifests (${kinds.join(', ')}): ${problems.length} problems`);
process.exitCode = problems.length === 0 && manifests.length > 0 ? 0 : 1;
