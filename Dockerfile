# calls-bot on the official Node 20 image. NOT built where it was written (no Docker on those
# machines): kept plain and conventional; the same steps were run by hand (compile, production
# dependencies, start, /healthz). See docs/replicas.md.
#
#   docker build -t calls-bot .
#   docker run --env-file .env -p 3000:3000 calls-bot
#
# Configuration comes from the environment (README, "Configuration"). DATABASE_URL defaults to
# SQLite in /app/data (a volume); for several replicas use DATABASE_URL=postgres://….

# 1. Compile the TypeScript (tsx, used by `npm start`, is a dev dependency: the image runs plain JS).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc -p tsconfig.json --outDir dist \
 && cp -r src/playground/assets dist/src/playground/assets

# 2. Production dependencies only (better-sqlite3 ships prebuilt binaries for Debian/glibc).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The image: code and dependencies owned by root, run as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The SQLite default (sqlite:./data/calls-bot.sqlite) writes here.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
