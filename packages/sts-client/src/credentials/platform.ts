// The Node-only providers are the runtime's to load (its platform seam decides); STS's own
// providers reach them through here.
export {
  type NodeCredentialsLoader,
  type NodeCredentialsModule,
  nodeCredentialsLoader,
} from "@lanyard/query-client";
