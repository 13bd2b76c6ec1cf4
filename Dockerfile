# syntax=docker/dockerfile:1
# The Coordination silo (src/Silo, assembly Coordination.Silo), for Jetson (linux/arm64) and x86 nodes
# (linux/amd64):
#   docker buildx build --platform linux/arm64,linux/amd64 -t registry.example.com/coordination/silo:0.1.0 --push .
# The SDK stage runs on the build machine's own platform and cross-publishes for the target one, so an
# arm64 image builds without emulation.

ARG DOTNET_VERSION=10.0

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG TARGETARCH
WORKDIR /src
# global.json is left out on purpose: it pins the developers' SDK patch, the image brings its own.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/Silo/Coordination.Silo.csproj -a $TARGETARCH
RUN dotnet publish src/Silo/Coordination.Silo.csproj -c Release -a $TARGETARCH --no-restore \
      -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's non-root "app" user (uid 1654); the pods run as that uid with a read-only root filesystem.
USER 1654:1654
ENV ASPNETCORE_URLS=http://+:8080
# silo-to-silo, client gateway, HTTP (health endpoints and /metrics)
EXPOSE 11111 30000 8080
ENTRYPOINT ["dotnet", "Coordination.Silo.dll"]
