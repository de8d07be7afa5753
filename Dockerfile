# SPOSA in a container: `docker build -t sposa . && docker run -p 3000:3000 --env-file .env sposa`.
# Build stage: hnswlib-node compiles a native addon, which needs a compiler the runtime image does without.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    SPOSA_DATA_DIR=/data \
    SPOSA_CONTRACTS_DIR=/app/contracts \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY prompts ./prompts
COPY contracts ./contracts
# The embedded database and the vector index live here when DATABASE_URL is not set; mount a volume to keep them.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# npm would swallow SIGTERM; node receives it directly and shuts down gracefully (finishes in-flight work).
CMD ["node", "--import", "tsx", "src/main.ts"]
