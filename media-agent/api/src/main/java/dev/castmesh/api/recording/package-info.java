/** The agent's recording API bodies ({@code /api/record/{stream}}), shared with the control plane. */
package dev.castmesh.api.recording;
